import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AdminApi } from './adminApi';
import { Dashboard } from './Dashboard';

const api = new AdminApi((input, init) => fetch(input, init), window.localStorage);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Dashboard api={api} />
  </StrictMode>,
);
