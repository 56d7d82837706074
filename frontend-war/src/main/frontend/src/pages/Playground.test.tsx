import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Playground } from './Playground';
import { ConnectionState } from '../components/ConnectionBar';
import { FakeGateway } from '../test/fakeGateway';
import { renderWithGateway } from '../test/render';

const methods = [
  { method: 'system.echo', service: 'system' },
  { method: 'system.ping', service: 'system' },
  { method: 'auth.login', service: 'auth' },
];

function gateway() {
  return new FakeGateway({
    'system.methods': () => methods,
    'system.echo': (params) => params,
    'system.ping': () => 'pong',
    'auth.login': (params) => {
      if (params.password !== 'secret') throw { code: -32001, message: 'Invalid login or password' };
      return { token: 't0k', expiresAt: 'x', user: { id: 1, username: 'admin', roles: ['admin'] } };
    },
    'channel.subscribe': (params) => ({ channel: params.channel, offset: '1-0', replayed: 0, truncated: false }),
  });
}

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

describe('the playground', () => {
  it('shows the connection state, and disconnects on demand', async () => {
    renderWithGateway(
      <>
        <ConnectionState />
        <Playground />
      </>,
      gateway(),
    );
    const state = document.getElementById('connection-state')!;
    await waitFor(() => expect(state).toHaveAttribute('data-state', 'connected'));
    expect(state).toHaveTextContent('Connected');
    await userEvent.click(screen.getByRole('button', { name: 'Disconnect' }));
    expect(state).toHaveAttribute('data-state', 'disconnected');
    expect(screen.getByRole('button', { name: 'Send' })).toBeDisabled();
  });

  it('lists the methods from system.methods, with a search', async () => {
    renderWithGateway(<Playground />, gateway());
    const list = screen.getByRole('list', { name: 'Routable methods' });
    await waitFor(() => expect(within(list).getAllByRole('button')).toHaveLength(3));
    await userEvent.type(screen.getByLabelText('Methods (3)'), 'sys');
    expect(within(list).getAllByRole('button').map((b) => b.textContent)).toEqual(['system.echo', 'system.ping']);
    await userEvent.type(screen.getByLabelText('Methods (3)'), 'zzz');
    expect(within(list).getByText(/No method matches/)).toBeInTheDocument();
  });

  it('sends a call, shows its reply, logs both frames with the latency, and remembers the params', async () => {
    renderWithGateway(<Playground />, gateway());
    await waitFor(() => expect(screen.getByRole('button', { name: 'Send' })).toBeEnabled());
    const method = screen.getByLabelText('Method');
    await userEvent.clear(method);
    await userEvent.type(method, 'system.echo');
    const params = screen.getByLabelText(/^Params/);
    await userEvent.clear(params);
    await userEvent.type(params, '{{"text":"hi there"}');
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(document.getElementById('last-reply')).toHaveTextContent('"text": "hi there"'));
    const log = screen.getByRole('list', { name: 'Frames' });
    const echoFrames = within(log).getAllByRole('listitem').filter((li) => li.textContent!.includes('hi there'));
    expect(echoFrames.map((li) => li.getAttribute('data-direction'))).toEqual(['out', 'in']);
    expect(echoFrames[1].querySelector('.latency')).toHaveTextContent(/ms$/);
    expect(localStorage.getItem('txrx:console:params:system.echo')).toBe('{"text":"hi there"}');
  });

  it('is usable from the keyboard: pick a method with Enter, send with Ctrl+Enter', async () => {
    renderWithGateway(<Playground />, gateway());
    const list = screen.getByRole('list', { name: 'Routable methods' });
    await waitFor(() => expect(within(list).getAllByRole('button')).toHaveLength(3));
    within(list).getByRole('button', { name: 'system.ping' }).focus();
    await userEvent.keyboard('{Enter}');
    expect(screen.getByLabelText('Method')).toHaveValue('system.ping');
    expect(within(list).getByRole('button', { name: 'system.ping' })).toHaveAttribute('aria-pressed', 'true');
    screen.getByLabelText(/^Params/).focus();
    await userEvent.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(document.getElementById('last-reply')).toHaveTextContent('"pong"'));
  });

  it('refuses params that are not a JSON object or array, saying why, and sends nothing', async () => {
    const { gateway: g } = renderWithGateway(<Playground />, gateway());
    await waitFor(() => expect(screen.getByRole('button', { name: 'Send' })).toBeEnabled());
    const params = screen.getByLabelText(/^Params/);
    await userEvent.clear(params);
    await userEvent.type(params, '{{"text":');
    expect(screen.getByText(/not JSON/)).toBeInTheDocument();
    expect(params).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('button', { name: 'Send' })).toBeDisabled();
    await userEvent.clear(params);
    await userEvent.type(params, '"text"');
    expect(screen.getByText(/must be a JSON object or array/)).toBeInTheDocument();
    expect(g.socket.sent.filter((f) => f.includes('"text"'))).toEqual([]);
  });

  it('sends a batch as one frame and shows every reply', async () => {
    const { gateway: g } = renderWithGateway(<Playground />, gateway());
    await waitFor(() => expect(screen.getByRole('button', { name: 'Send' })).toBeEnabled());
    const method = screen.getByLabelText('Method');
    await userEvent.clear(method);
    await userEvent.type(method, 'system.ping');
    await userEvent.clear(screen.getByLabelText(/^Params/));
    await userEvent.click(screen.getByRole('button', { name: 'Add to batch' }));
    await userEvent.clear(method);
    await userEvent.type(method, 'nobody.home');
    await userEvent.click(screen.getByRole('button', { name: 'Add to batch' }));
    await userEvent.click(screen.getByRole('button', { name: 'Send batch' }));
    await waitFor(() => expect(document.getElementById('last-reply')).toHaveTextContent('pong'));
    expect(document.getElementById('last-reply')).toHaveTextContent('-32601');
    const batches = g.socket.sent.filter((f) => f.startsWith('['));
    expect(batches).toHaveLength(1);
    expect(JSON.parse(batches[0]).map((m: { method: string }) => m.method)).toEqual(['system.ping', 'nobody.home']);
  });

  it('signs in, and shows a failed sign-in as an error', async () => {
    renderWithGateway(<Playground />, gateway());
    await waitFor(() => expect(screen.getByRole('button', { name: 'Sign in' })).toBeEnabled());
    await userEvent.type(screen.getByLabelText('Username or email'), 'admin');
    await userEvent.type(screen.getByLabelText('Password'), 'wrong');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Sign-in failed');
    await userEvent.clear(screen.getByLabelText('Password'));
    await userEvent.type(screen.getByLabelText('Password'), 'secret');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText(/Signed in as/)).toHaveTextContent('admin');
    expect(sessionStorage.getItem('txrx:console:token')).toBe('t0k');
  });

  it('shows channel pushes once subscribed', async () => {
    const { gateway: g } = renderWithGateway(<Playground />, gateway());
    await waitFor(() => expect(screen.getByRole('button', { name: 'Subscribe' })).toBeEnabled());
    await userEvent.click(screen.getByRole('button', { name: 'Subscribe' }));
    await waitFor(() => expect(screen.getByRole('list', { name: 'Subscribed channels' })).toHaveTextContent('news'));
    g.push('channel.message', { channel: 'news', offset: '2-0', data: { text: 'breaking' } });
    expect(await screen.findByText('{"text":"breaking"}')).toBeInTheDocument();
  });
});

describe('the session', () => {
  it('is resumed with the kept token on a new socket', async () => {
    sessionStorage.setItem('txrx:console:token', 'kept');
    const g = gateway();
    g.handlers['auth.resume'] = (params) => {
      if (params.token !== 'kept') throw { code: -32001, message: 'expired' };
      return { expiresAt: 'x', user: { id: 3, username: 'grace', roles: ['user'] } };
    };
    renderWithGateway(<Playground />, g);
    expect(await screen.findByText(/Signed in as/)).toHaveTextContent('grace');
    expect(g.socket.sent.map((f) => JSON.parse(f).method)).toContain('auth.resume');
  });
});
