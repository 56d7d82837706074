import { useState } from 'react';
import { useTxrx } from '../state/txrx';
import { Button, ErrorNote, Field, inputClass } from './ui';

/** Sign in with a username (or email) and password; when signed in, who and a sign-out button. */
export function SignIn({ compact = false }: { compact?: boolean }) {
  const { user, signIn, signOut, state, signOutReason } = useTxrx();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const idp = compact ? 'bar-' : '';

  if (user) {
    return (
      <div className="flex items-center gap-2 text-sm">
        <span id={`${idp}signed-in-as`} data-user={user.username}>
          Signed in as <strong>{user.username}</strong>
          {user.roles.includes('admin') ? ' (admin)' : ''}
        </span>
        <Button variant="secondary" id={`${idp}sign-out`} onClick={() => signOut().catch(setError)}>
          Sign out
        </Button>
      </div>
    );
  }
  if (compact) return <span className="text-sm text-slate-500">Not signed in</span>;
  return (
    <form
      aria-label="Sign in"
      className="flex max-w-sm flex-col gap-3"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        setError(null);
        try {
          await signIn(login, password);
          setPassword('');
        } catch (err) {
          setError(err);
        } finally {
          setBusy(false);
        }
      }}
    >
      {signOutReason && <p className="text-sm text-amber-700">{signOutReason}</p>}
      <Field label="Username or email" htmlFor="login">
        <input id="login" className={inputClass} autoComplete="username" value={login} onChange={(e) => setLogin(e.target.value)} required />
      </Field>
      <Field label="Password" htmlFor="password">
        <input id="password" type="password" className={inputClass} autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
      </Field>
      <ErrorNote error={error} what="Sign-in failed" />
      <div>
        <Button type="submit" id="sign-in" disabled={busy || state !== 'connected'}>
          {busy ? 'Signing in…' : 'Sign in'}
        </Button>
        {state !== 'connected' && <span className="ml-2 text-xs text-slate-500">Connect to a gateway first</span>}
      </div>
    </form>
  );
}

/** Shows `children` to a signed-in user (an admin when `admin`); others get the sign-in form or a refusal. */
export function RequireUser({ admin = false, children, what }: { admin?: boolean; children: React.ReactNode; what: string }) {
  const { user, isAdmin } = useTxrx();
  if (!user) {
    return (
      <div className="space-y-3">
        <p id="sign-in-needed" className="text-sm">
          Sign in{admin ? ' as an admin' : ''} to see {what}.
        </p>
        <SignIn />
      </div>
    );
  }
  if (admin && !isAdmin) {
    return (
      <p id="refused" role="alert" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
        Only admins may see {what}, and <strong>{user.username}</strong> is not one. Sign out and sign in as an admin.
      </p>
    );
  }
  return <>{children}</>;
}
