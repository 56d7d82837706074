import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { RequireUser, SignIn } from '../components/SignIn';
import { Cluster } from './Cluster';
import { FakeGateway } from '../test/fakeGateway';
import { renderWithGateway } from '../test/render';

const admin = { id: 1, username: 'admin', roles: ['admin', 'user'] };
const ada = { id: 2, username: 'ada', roles: ['user'] };

function gateway(user: typeof admin, extra = {}) {
  return new FakeGateway({ 'auth.login': () => ({ token: 't', expiresAt: 'x', user }), ...extra });
}

async function signIn() {
  await waitFor(() => expect(screen.getByRole('button', { name: 'Sign in' })).toBeEnabled());
  await userEvent.type(screen.getByLabelText('Username or email'), 'someone');
  await userEvent.type(screen.getByLabelText('Password'), 'pw');
  await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
}

beforeEach(() => sessionStorage.clear());

describe('the backoffice', () => {
  it('asks a visitor to sign in, and refuses a user who is not an admin', async () => {
    renderWithGateway(
      <RequireUser admin what="the cluster">
        <p>secret cluster</p>
      </RequireUser>,
      gateway(ada),
    );
    expect(screen.getByText('Sign in as an admin to see the cluster.')).toBeInTheDocument();
    await signIn();
    expect(await screen.findByRole('alert')).toHaveTextContent('Only admins may see the cluster, and ada is not one');
    expect(screen.queryByText('secret cluster')).not.toBeInTheDocument();
  });

  it('shows the cluster to an admin: peers by role with their heartbeat age, gateways, streams', async () => {
    const at = 1_700_000_010_000;
    renderWithGateway(
      <>
        <SignIn compact />
        <RequireUser admin what="the cluster">
          <Cluster />
        </RequireUser>
      </>,
      gateway(admin, {
        'admin.cluster': () => ({
          at,
          peers: { rpc: [{ instance: 'rpc-1', roles: 'rpc', firstHeardMs: at - 60000, lastHeartbeatMs: at - 1500 }], dispatcher: [{ instance: 'disp-1', roles: 'dispatcher', firstHeardMs: at - 60000, lastHeartbeatMs: at - 200 }] },
          gateways: [{ instance: 'gw-1' }],
          shards: [{ service: 'system', stream: 'txrx:rpc:system', methods: ['system.ping'], instances: ['rpc-1'] }],
        }),
        'admin.streams': () => ({ at, streams: [{ key: 'txrx:tx', length: 12, firstId: '1-0', lastId: '2-0', groups: [{ name: 'dispatchers', pending: 3, lag: 0, lastDeliveredId: '2-0', consumers: [] }] }] }),
        'admin.pending': () => ({ at, calls: [] }),
        'admin.rates': () => {
          throw { code: -32601, message: 'Method not found' };
        },
      }),
    );
    await signIn();
    await waitFor(() => expect(document.querySelector('[data-instance="rpc-1"]')).not.toBeNull());
    const peers = within(document.getElementById('peers')!);
    expect(peers.getByText('rpc-1')).toBeInTheDocument();
    expect(peers.getByText('rpc (1)')).toBeInTheDocument();
    expect(screen.getByText('heartbeat 1.5 s ago')).toBeInTheDocument();
    expect(screen.getByText('heartbeat 200 ms ago')).toBeInTheDocument();
    expect(screen.getByText('gw-1')).toBeInTheDocument();
    expect(await screen.findByText('txrx:tx')).toBeInTheDocument();
    expect(screen.getByText(/No call is waiting/)).toBeInTheDocument();
    expect(await screen.findByRole('note')).toHaveTextContent('does not offer admin.rates');
  });

  it('charts admin.rates when the server has it', async () => {
    let calls = 4;
    renderWithGateway(
      <>
        <SignIn compact />
        <RequireUser admin what="the cluster">
          <Cluster />
        </RequireUser>
      </>,
      gateway(admin, {
        'admin.cluster': () => ({ at: 0, peers: {}, gateways: [], shards: [] }),
        'admin.streams': () => ({ at: 0, streams: [] }),
        'admin.pending': () => ({ at: 0, calls: [] }),
        'admin.rates': () => ({ total: { callsPerSecond: calls++, errorsPerSecond: 0.5 }, methods: [{ method: 'system.echo', callsPerSecond: 4, errorsPerSecond: 0.5 }] }),
      }),
    );
    await signIn();
    await waitFor(() => expect(document.querySelector('#chart-calls .value')).toHaveTextContent('4.0'));
    expect(document.querySelector('#chart-errors .value')).toHaveTextContent('0.5');
    expect(screen.getByText('system.echo')).toBeInTheDocument();
  });
});
