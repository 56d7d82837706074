/** The page's routes live in the hash (`#/playground`, `#/admin/cluster`), so the WAR needs no server routing. */
export const ROUTES = ['playground', 'admin/users', 'admin/cluster', 'admin/chat', 'admin/notifications'] as const;
export type Route = (typeof ROUTES)[number];

export function routeOf(hash: string): Route {
  const path = hash.replace(/^#\/?/, '');
  return (ROUTES as readonly string[]).includes(path) ? (path as Route) : 'playground';
}
