import { createRoot } from 'react-dom/client';
import { TxrxProvider } from './state/txrx';
import { App } from './App';
import './index.css';

createRoot(document.getElementById('root')!).render(
  <TxrxProvider>
    <App />
  </TxrxProvider>,
);
