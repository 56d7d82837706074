import { useEffect, useState } from 'react';
import { useTxrx } from './state/txrx';
import { routeOf, type Route } from './lib/route';
import { ConnectionState } from './components/ConnectionBar';
import { RequireUser, SignIn } from './components/SignIn';
import { Playground } from './pages/Playground';
import { Users } from './pages/Users';
import { Cluster } from './pages/Cluster';
import { Chat } from './pages/Chat';
import { Notifications } from './pages/Notifications';

const NAV: { route: Route; label: string }[] = [
  { route: 'playground', label: 'Playground' },
  { route: 'admin/users', label: 'Users' },
  { route: 'admin/cluster', label: 'Cluster' },
  { route: 'admin/chat', label: 'Chat' },
  { route: 'admin/notifications', label: 'Notifications' },
];

function useRoute(): Route {
  const [route, setRoute] = useState(() => routeOf(window.location.hash));
  useEffect(() => {
    const follow = () => setRoute(routeOf(window.location.hash));
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  return route;
}

export function App() {
  const route = useRoute();
  const { state } = useTxrx();
  return (
    <div className="min-h-screen">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:p-2">
        Skip to content
      </a>
      <header className="sticky top-0 z-10 border-b border-slate-200 bg-white/95 backdrop-blur">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2">
          <h1 className="text-lg font-bold tracking-tight">
            txrx <span className="font-normal text-slate-500">console</span>
          </h1>
          <nav aria-label="Pages" className="order-3 w-full overflow-x-auto sm:order-none sm:w-auto">
            <ul className="flex gap-1 text-sm">
              {NAV.map((n) => (
                <li key={n.route}>
                  <a
                    href={`#/${n.route}`}
                    id={`nav-${n.route.replace('admin/', '')}`}
                    aria-current={route === n.route ? 'page' : undefined}
                    className={`block whitespace-nowrap rounded px-2 py-1 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 ${route === n.route ? 'bg-indigo-600 text-white' : 'text-slate-700 hover:bg-slate-100'}`}
                  >
                    {n.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <div className="ml-auto flex items-center gap-3">
            <SignIn compact />
            <ConnectionState />
          </div>
        </div>
        {state !== 'connected' && route !== 'playground' && (
          <p role="alert" className="bg-amber-50 px-4 py-1 text-center text-sm text-amber-900">
            {state === 'disconnected' ? 'Not connected to the gateway: connect on the Playground page.' : 'The gateway is out of reach: reconnecting…'}
          </p>
        )}
      </header>
      <main id="main" className="mx-auto max-w-7xl p-4" data-route={route}>
        {route === 'playground' && <Playground />}
        {route === 'admin/users' && (
          <Guard admin what="the users">
            <Users />
          </Guard>
        )}
        {route === 'admin/cluster' && (
          <Guard admin what="the cluster">
            <Cluster />
          </Guard>
        )}
        {route === 'admin/chat' && (
          <Guard what="your chat">
            <Chat />
          </Guard>
        )}
        {route === 'admin/notifications' && (
          <Guard admin what="the notifications">
            <Notifications />
          </Guard>
        )}
      </main>
    </div>
  );
}

function Guard({ admin = false, what, children }: { admin?: boolean; what: string; children: React.ReactNode }) {
  return (
    <RequireUser admin={admin} what={what}>
      {children}
    </RequireUser>
  );
}


