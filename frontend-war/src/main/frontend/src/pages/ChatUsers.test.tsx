import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { RequireUser } from '../components/SignIn';
import { Chat } from './Chat';
import { Users } from './Users';
import { FakeGateway } from '../test/fakeGateway';
import { renderWithGateway } from '../test/render';

const me = { id: 1, username: 'ada', roles: ['user', 'admin'] };
const bob = { id: 2, username: 'bob' };

async function signIn() {
  await waitFor(() => expect(screen.getByRole('button', { name: 'Sign in' })).toBeEnabled());
  await userEvent.type(screen.getByLabelText('Username or email'), 'ada');
  await userEvent.type(screen.getByLabelText('Password'), 'pw');
  await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
  await waitFor(() => expect(screen.queryByRole('button', { name: 'Sign in' })).not.toBeInTheDocument());
}

beforeEach(() => sessionStorage.clear());

describe('the chat page', () => {
  it('lists conversations with presence and unread, shows history, and takes live messages', async () => {
    const reads: unknown[] = [];
    const g = new FakeGateway({
      'auth.login': () => ({ token: 't', expiresAt: 'x', user: me }),
      'chat.conversations': () => [{ peer: bob, last: { id: '5-0', from: bob, to: me, text: 'old news', at: '2026-12-04T10:00:00Z' }, unread: 2 }],
      'presence.watch': (p) => Object.fromEntries(p.users.map((u: string) => [u, u === 'bob'])),
      'chat.history': () => ({ messages: [{ id: '5-0', from: bob, to: me, text: 'old news', at: '2026-12-04T10:00:00Z' }], next: null }),
      'chat.read': (p) => {
        reads.push(p);
        return { peer: bob, read: 1 };
      },
      'chat.send': () => ({ id: '9-0', at: '2026-12-04T10:01:00Z' }),
    });
    renderWithGateway(
      <>
        <RequireUser what="your chat">
          <Chat />
        </RequireUser>
      </>,
      g,
    );
    await signIn();
    const conversation = await screen.findByRole('button', { name: /bob/ });
    expect(within(conversation).getByLabelText('2 unread')).toBeInTheDocument();
    await waitFor(() => expect(within(conversation).getByText('bob is online')).toBeInTheDocument());
    await userEvent.click(conversation);
    expect(await within(document.getElementById('chat-messages')!).findByText('old news')).toBeInTheDocument();
    expect(reads).toEqual([{ peer: 'bob', upTo: '5-0' }]);

    g.push('chat.message', { id: '7-0', from: bob, to: me, text: 'are you there?', at: '2026-12-04T10:00:30Z' });
    expect(await screen.findAllByText('are you there?')).not.toHaveLength(0);
    g.push('presence.changed', { user: 'bob', online: false });
    await waitFor(() => expect(screen.getByText('bob is offline')).toBeInTheDocument());

    await userEvent.type(screen.getByLabelText('Message'), 'yes!');
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    const texts = await waitFor(() => {
      const list = [...document.querySelectorAll('#chat-messages .chat-message')].map((li) => li.getAttribute('data-id'));
      expect(list).toEqual(['5-0', '7-0', '9-0']);
      return list;
    });
    expect(texts).toHaveLength(3);
  });
});

describe('the users page', () => {
  it('pages users, filters the page and disables one after a confirmation', async () => {
    const disabled: number[] = [];
    const users = Array.from({ length: 25 }, (_, i) => ({ id: i + 1, email: `u${i + 1}@x.org`, username: i === 0 ? 'ada' : `user${i + 1}`, displayName: `User ${i + 1}`, roles: ['user'], createdAt: '2026-12-01T00:00:00Z', disabled: disabled.includes(i + 1) }));
    const g = new FakeGateway({
      'auth.login': () => ({ token: 't', expiresAt: 'x', user: me }),
      'auth.users': (p) => ({ items: users.slice(p.page * p.size, (p.page + 1) * p.size).map((u) => ({ ...u, disabled: disabled.includes(u.id) })), page: p.page, size: p.size, total: users.length }),
      'auth.disable': (p) => {
        disabled.push(p.userId);
        return {};
      },
    });
    renderWithGateway(
      <>
        <RequireUser admin what="the users">
          <Users />
        </RequireUser>
      </>,
      g,
    );
    await signIn();
    expect(await screen.findByText('Page 1 of 2')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Disable ada' })).toBeDisabled();
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByText('user21')).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('Search this page'), 'user25');
    expect(document.querySelectorAll('#users-table tbody tr')).toHaveLength(1);
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    await userEvent.click(screen.getByRole('button', { name: 'Disable user25' }));
    await waitFor(() => expect(within(document.querySelector('tr[data-username="user25"]') as HTMLElement).getByText('disabled')).toBeInTheDocument());
    expect(disabled).toEqual([25]);
  });
});
