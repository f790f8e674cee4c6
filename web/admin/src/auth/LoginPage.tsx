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
import { useState, type FormEvent } from 'react';
import { useLogin } from 'react-admin';
import { loginReason } from '../providers/auth-provider';

/** Log in with username and password; an expired session lands here with a Russian note. */
export function LoginPage() {
  const login = useLogin();
  const [reason] = useState(() => loginReason());
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      await login({
        username: String(form.get('username') ?? ''),
        password: String(form.get('password') ?? ''),
      });
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
        </CardContent>
      </Card>
    </Box>
  );
}
