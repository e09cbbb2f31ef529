import './platform/zod-config.ts';
import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/spotlight/styles.css';
import './platform/global.css';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { MutationCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { clientSeam } from './modules.ts';
import { ApiError } from './platform/api.ts';
import { AuthProvider } from './platform/auth.tsx';
import { addServerMessages } from './platform/errors.tsx';
import { addModuleMessages } from './platform/i18n.ts';
import { SeamProvider } from './platform/seam.ts';
import { cssVariablesResolver, theme } from './platform/theme.ts';
import { router } from './router.tsx';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 5_000,
      refetchOnWindowFocus: false,
      // A 4xx will not get better by asking again.
      retry: (count, error) =>
        !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
    },
  },
  mutationCache: new MutationCache(),
});

addModuleMessages(clientSeam.modules);
addServerMessages(clientSeam.serverMessages);

function Providers() {
  return (
    <SeamProvider value={clientSeam}>
      <Notifications position="top-right" zIndex={1000} />
      <AuthProvider>
        <RouterProvider router={router} />
      </AuthProvider>
    </SeamProvider>
  );
}

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');
createRoot(container).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <QueryClientProvider client={queryClient}>
        <Providers />
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
