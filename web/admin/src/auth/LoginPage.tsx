import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  CircularProgress,
  TextField,
  Typography,
} from '@mui/material';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { authProvider, loginReason } from '../providers/auth-provider';
import { afterLogin } from './after-login';
import { logInWithTelegramToken, takeTokenFromLink } from './telegram-login';

/**
 * Log in with username and password, or with the staff bot's /login: its link opens this page with the
 * one-time token (logged in at once), or its code is typed in. An expired session lands here with a note.
 * Outside react-admin (App.tsx), so the first screen loads none of it; once logged in, back to the page the
 * admin was on (a form being edited gets its draft back, see forms/keep-draft.ts) or to the dashboard.
 */
export function LoginPage() {
  const navigate = useNavigate();
  const location = useLocation();
  const enter = () => navigate(afterLogin(location.state), { replace: true });
  const [reason] = useState(() => loginReason());
  const [linkToken] = useState(() => takeTokenFromLink());
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(linkToken !== null);
  const [telegramCode, setTelegramCode] = useState(false);
  const tried = useRef(false);

  const withTelegram = async (token: string) => {
    setBusy(true);
    setError(null);
    try {
      await logInWithTelegramToken(token);
      enter();
    } catch (e) {
      setError(e instanceof Error ? e.message : 'Не удалось войти');
      setBusy(false);
    }
  };

  useEffect(() => {
    if (linkToken && !tried.current) {
      tried.current = true;
      void withTelegram(linkToken);
    }
    // Once, for the token the page was opened with.
  }, []);

  const submitCode = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get('telegramCode') ?? '');
    if (code.trim()) void withTelegram(code);
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      await authProvider.login({
        username: String(form.get('username') ?? ''),
        password: String(form.get('password') ?? ''),
      });
      enter();
    } catch (e) {
      setError(e instanceof Error ? e.message : 'Не удалось войти');
      setBusy(false);
    }
  };

  return (
    <Box
      component="main"
      sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center', bgcolor: 'grey.100', p: 2 }}
    >
      <Card sx={{ width: '100%', maxWidth: 380 }}>
        <CardContent>
          <Typography component="h1" variant="h5" gutterBottom>
            Мармеладный Дворик
          </Typography>
          <Typography variant="body2" color="text.secondary" gutterBottom>
            Вход в панель управления
          </Typography>
          {reason && !error && (
            <Alert severity="warning" sx={{ my: 1 }}>
              {reason}
            </Alert>
          )}
          {error && (
            <Alert severity="error" sx={{ my: 1 }} role="alert">
              {error}
            </Alert>
          )}
          <Box component="form" onSubmit={submit} noValidate>
            <TextField
              name="username"
              label="Имя пользователя"
              autoComplete="username"
              fullWidth
              margin="normal"
              required
              autoFocus
            />
            <TextField
              name="password"
              label="Пароль"
              type="password"
              autoComplete="current-password"
              fullWidth
              margin="normal"
              required
            />
            <Button type="submit" variant="contained" fullWidth sx={{ mt: 2 }} disabled={busy}>
              {busy ? <CircularProgress size={22} aria-label="Вход…" /> : 'Войти'}
            </Button>
          </Box>
          {telegramCode ? (
            <Box component="form" onSubmit={submitCode} noValidate sx={{ mt: 2 }}>
              <TextField
                name="telegramCode"
                label="Код из Telegram"
                helperText="Отправьте /login служебному боту и вставьте код из ответа"
                autoComplete="one-time-code"
                fullWidth
                margin="normal"
                required
              />
              <Button type="submit" variant="outlined" fullWidth disabled={busy}>
                Войти по коду
              </Button>
            </Box>
          ) : (
            <Button fullWidth sx={{ mt: 1 }} onClick={() => setTelegramCode(true)} disabled={busy}>
              Войти через Telegram
            </Button>
          )}
        </CardContent>
      </Card>
    </Box>
  );
}
