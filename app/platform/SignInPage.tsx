import {
  Alert,
  Box,
  Button,
  Divider,
  Group,
  Paper,
  Radio,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconLogin } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from './api.ts';
import { useAuth } from './auth.tsx';
import { problemText } from './errors.tsx';
import { PasswordField } from './inputs.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { Redirect } from './links.tsx';
import { usePageTitle } from './page.tsx';
import { Logo } from './Shell.tsx';

// Sign-in: email and password, or the municipality's own identity provider when configured.

interface SsoInfo {
  enabled: boolean;
  name: string;
  startUrl: string;
}

export interface SignInSearch {
  error?: string;
  redirect?: string;
  signedOut?: string;
}

export function validateSignInSearch(search: Record<string, unknown>): SignInSearch {
  const text = (value: unknown) => (typeof value === 'string' && value ? value : undefined);
  return { error: text(search.error), redirect: text(search.redirect), signedOut: text(search.signedOut) };
}

/** Only same-site paths, never another origin (open redirect). */
function safeRedirect(target: string | undefined): string {
  if (!target?.startsWith('/') || target.startsWith('//') || target.startsWith('/sign-in')) return '/';
  return target;
}

export function SignInPage() {
  const { t } = useTranslation();
  const { me, signIn, forgetOtherData, signedOut } = useAuth();
  const search = useSearch({ from: '/sign-in' });
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<{ email?: string; password?: string }>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // When the account exists in several tenants: which ones, and the one chosen.
  const [tenants, setTenants] = useState<{ slug: string; name: string }[]>([]);
  const [tenant, setTenant] = useState<string | null>(null);
  const [tenantError, setTenantError] = useState<string | undefined>();
  const tenantRef = useRef<HTMLDivElement>(null);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  usePageTitle(t('signIn.title'));

  // Nothing of a previous session stays in memory once its pages are gone.
  useEffect(() => {
    if (!me) forgetOtherData();
  }, [me, forgetOtherData]);

  const sso = useQuery({
    queryKey: ['sso'],
    queryFn: () => api.get<SsoInfo>('/api/v1/session/sso', { quiet401: true }),
    retry: false,
    staleTime: 5 * 60_000,
  });

  if (me && !busy) return <Redirect href={safeRedirect(search.redirect)} />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: typeof fieldErrors = {};
    if (!email.trim()) found.email = t('signIn.emailRequired');
    if (!password) found.password = t('signIn.passwordRequired');
    setFieldErrors(found);
    setError(null);
    setTenantError(undefined);
    if (found.email) return emailRef.current?.focus();
    if (found.password) return passwordRef.current?.focus();
    if (tenants.length > 0 && !tenant) {
      setTenantError(t('signIn.chooseTenantRequired'));
      return tenantRef.current?.querySelector('input')?.focus();
    }
    setBusy(true);
    try {
      await signIn(email.trim(), password, tenant ?? undefined);
      await navigate({ href: safeRedirect(search.redirect), replace: true });
    } catch (e) {
      setBusy(false);
      if (e instanceof ApiError && e.code === 'choose-tenant') {
        // The password was right: keep it, and ask only for the organisation.
        setTenants(e.tenants);
        setTenant(null);
        requestAnimationFrame(() => tenantRef.current?.querySelector('input')?.focus());
        return;
      }
      if (e instanceof ApiError && e.code === 'invalid-credentials') setError(t('signIn.invalid'));
      else if (e instanceof ApiError && e.code === 'too-many-requests') setError(t('signIn.tooMany'));
      else if (e instanceof ApiError && e.code === 'network') setError(t('signIn.network'));
      else setError(problemText(t, e));
      setPassword('');
      passwordRef.current?.focus();
    }
  }

  const ssoInfo = sso.data?.enabled ? sso.data : null;

  return (
    <Box style={{ minHeight: '100vh', display: 'flex', flexWrap: 'wrap' }}>
      <Box
        component="aside"
        aria-label={t('signIn.about')}
        style={{
          flex: '1 1 380px',
          background: 'linear-gradient(160deg, #0a2f4f 0%, #0b4c80 100%)',
          color: 'white',
          padding: 'clamp(24px, 6vw, 72px)',
          display: 'flex',
          flexDirection: 'column',
          justifyContent: 'space-between',
          gap: 32,
        }}
      >
        <Logo />
        <Stack gap="md" maw={460}>
          <Text fz={28} fw={700} lh={1.25} c="white">
            {t('signIn.tagline')}
          </Text>
          <Text c="gray.2" fz="md">
            {t('signIn.pitch')}
          </Text>
        </Stack>
        <Text size="xs" c="gray.3">
          {t('signIn.footer')}
        </Text>
      </Box>
      <Box
        component="main"
        id="main"
        style={{
          flex: '1 1 420px',
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'center',
          padding: 24,
          background: '#f3f5f8',
        }}
      >
        <Stack w="100%" maw={420} gap="md">
          <Group justify="flex-end">
            <LanguageSwitch variant="light" />
          </Group>
          <Paper withBorder shadow="sm" p="xl" radius="md">
            <form onSubmit={submit} noValidate>
              <Stack gap="md">
                <div>
                  <Title order={1} fz={24}>
                    {t('signIn.title')}
                  </Title>
                  <Text size="sm" c="dimmed" mt={4}>
                    {t('signIn.subtitle')}
                  </Text>
                </div>
                {(signedOut || search.signedOut) && !error && (
                  <Alert color="green" variant="light" icon={<IconCircleCheck aria-hidden />} role="status">
                    {t('signIn.signedOut')}
                  </Alert>
                )}
                {search.error === 'sso-unverified' && !error && (
                  <Alert
                    color="red"
                    variant="light"
                    icon={<IconAlertTriangle aria-hidden />}
                    role="alert"
                    title={t('signIn.ssoUnverifiedTitle')}
                  >
                    {t('signIn.ssoUnverified')}
                  </Alert>
                )}
                {search.error === 'sso' && !error && (
                  <Alert
                    color="red"
                    variant="light"
                    icon={<IconAlertTriangle aria-hidden />}
                    role="alert"
                    title={t('signIn.ssoFailedTitle')}
                  >
                    {t('signIn.ssoFailed')}
                  </Alert>
                )}
                {error && (
                  <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} role="alert">
                    {error}
                  </Alert>
                )}
                {ssoInfo && (
                  <>
                    <Button
                      component="a"
                      href={`${ssoInfo.startUrl}${search.redirect ? `?returnTo=${encodeURIComponent(safeRedirect(search.redirect))}` : ''}`}
                      size="md"
                      variant="filled"
                      leftSection={<IconLogin size={18} aria-hidden />}
                      fullWidth
                      styles={{
                        root: { height: 'auto', minHeight: 44, paddingBlock: 8 },
                        label: { whiteSpace: 'normal', textAlign: 'center', lineHeight: 1.3 },
                      }}
                    >
                      {t('signIn.sso', { name: ssoInfo.name })}
                    </Button>
                    <Divider label={t('signIn.or')} labelPosition="center" />
                  </>
                )}
                <TextInput
                  ref={emailRef}
                  label={t('signIn.email')}
                  type="email"
                  name="email"
                  autoComplete="username"
                  value={email}
                  onChange={(e) => {
                    setEmail(e.currentTarget.value);
                    setTenants([]);
                    setTenant(null);
                  }}
                  error={fieldErrors.email}
                  required
                  autoFocus
                  size="md"
                />
                <PasswordField
                  ref={passwordRef}
                  label={t('signIn.password')}
                  name="password"
                  autoComplete="current-password"
                  value={password}
                  onChange={(e) => setPassword(e.currentTarget.value)}
                  error={fieldErrors.password}
                  required
                  size="md"
                />
                {tenants.length > 0 && (
                  <Radio.Group
                    ref={tenantRef}
                    name="tenant"
                    label={t('signIn.chooseTenant')}
                    description={t('signIn.chooseTenantHelp')}
                    value={tenant}
                    onChange={setTenant}
                    error={tenantError}
                    required
                    size="md"
                  >
                    <Stack gap="xs" mt="xs">
                      {tenants.map((choice) => (
                        <Radio key={choice.slug} value={choice.slug} label={choice.name} />
                      ))}
                    </Stack>
                  </Radio.Group>
                )}
                <Button
                  type="submit"
                  size="md"
                  loading={busy}
                  variant={ssoInfo ? 'default' : 'filled'}
                  fullWidth
                >
                  {t('signIn.submit')}
                </Button>
                <Text size="xs" c="dimmed">
                  {t('signIn.help')}
                </Text>
              </Stack>
            </form>
          </Paper>
        </Stack>
      </Box>
    </Box>
  );
}
