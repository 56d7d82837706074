import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { TxrxProvider } from '../state/txrx';
import { FakeGateway } from './fakeGateway';

export function renderWithGateway(ui: ReactNode, gateway = new FakeGateway()) {
  const result = render(
    <TxrxProvider connectClient={gateway.connectClient} initialUrl="ws://gateway.test/gateway/ws">
      {ui}
    </TxrxProvider>,
  );
  return { ...result, gateway };
}
