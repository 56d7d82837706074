import { useState } from 'react';
import { useTxrx, usePoll } from '../state/txrx';
import { Button, Empty, ErrorNote, Loading, Panel, inputClass } from '../components/ui';

interface UserRow {
  id: number;
  email: string;
  username: string;
  displayName: string;
  roles: string[];
  createdAt: string;
  disabled: boolean;
}
interface UsersPage {
  items: UserRow[];
  page: number;
  size: number;
  total: number;
}

const SIZE = 20;

/** Users from auth.users (paged by the server; the search filters the page shown), disable with auth.disable. */
export function Users() {
  const { client, user } = useTxrx();
  const [page, setPage] = useState(0);
  const [search, setSearch] = useState('');
  const [error, setError] = useState<unknown>(null);
  const users = usePoll<UsersPage>((c) => c.call('auth.users', { page, size: SIZE }), 0, [page]);
  const pages = users.data ? Math.max(1, Math.ceil(users.data.total / SIZE)) : 1;
  const needle = search.trim().toLowerCase();
  const shown = (users.data?.items ?? []).filter((u) => needle === '' || [u.username, u.email, u.displayName].some((v) => v?.toLowerCase().includes(needle)));

  const disable = async (u: UserRow) => {
    if (!client || !window.confirm(`Disable ${u.username}? Their sessions end and their sockets are signed out.`)) return;
    setError(null);
    try {
      await client.call('auth.disable', { userId: u.id });
      users.reload();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <Panel
      title={`Users${users.data ? ` (${users.data.total})` : ''}`}
      id="users"
      actions={
        <div className="flex items-center gap-2">
          <label htmlFor="user-search" className="sr-only">
            Search this page
          </label>
          <input id="user-search" type="search" placeholder="search this page" className={inputClass} value={search} onChange={(e) => setSearch(e.target.value)} />
        </div>
      }
    >
      <ErrorNote error={users.error} what="auth.users" />
      <ErrorNote error={error} what="auth.disable" />
      {!users.data && !users.error && <Loading what="users" />}
      {users.data && shown.length === 0 && <Empty>{needle ? `No user on this page matches “${search}”.` : 'No users.'}</Empty>}
      {shown.length > 0 && (
        <div className="overflow-x-auto">
          <table id="users-table" className="w-full text-left text-sm">
            <caption className="sr-only">Users, page {page + 1}</caption>
            <thead className="text-xs uppercase text-slate-500">
              <tr><th scope="col">user</th><th scope="col">email</th><th scope="col">roles</th><th scope="col">created</th><th scope="col"><span className="sr-only">actions</span></th></tr>
            </thead>
            <tbody>
              {shown.map((u) => (
                <tr key={u.id} className="border-t border-slate-100" data-username={u.username}>
                  <td className="py-1">
                    <strong>{u.username}</strong> <span className="text-slate-500">{u.displayName}</span>
                  </td>
                  <td className="py-1">{u.email}</td>
                  <td className="py-1">{u.roles.join(', ')}</td>
                  <td className="py-1 text-xs">{new Date(u.createdAt).toLocaleString()}</td>
                  <td className="py-1 text-right">
                    {u.disabled ? (
                      <span className="text-xs font-semibold text-rose-700">disabled</span>
                    ) : (
                      <Button variant="danger" disabled={u.id === user?.id} onClick={() => disable(u)} aria-label={`Disable ${u.username}`}>
                        Disable
                      </Button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav aria-label="Pages of users" className="mt-3 flex items-center gap-2 text-sm">
        <Button variant="secondary" disabled={page === 0} onClick={() => setPage(page - 1)}>
          Previous
        </Button>
        <span>
          Page {page + 1} of {pages}
        </span>
        <Button variant="secondary" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>
          Next
        </Button>
      </nav>
    </Panel>
  );
}
