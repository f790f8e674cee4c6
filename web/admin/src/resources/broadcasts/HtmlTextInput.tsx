import { Box, Button, ButtonGroup, Stack, TextField } from '@mui/material';
import { useRef, useState } from 'react';
import { useInput } from 'react-admin';

const escapeAttribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * The broadcast's text with a toolbar writing Telegram HTML: bold, italic, underline around the selection,
 * and a link (its address asked inline). The text stays plain HTML the admin can also type.
 */
export function HtmlTextInput({ source, label }: { source: string; label: string }) {
  const { field, fieldState } = useInput<string | null>({
    source,
    defaultValue: '',
    format: (v) => v,
    parse: (v) => v,
  });
  const area = useRef<HTMLTextAreaElement>(null);
  const [linkUrl, setLinkUrl] = useState<string | null>(null);
  const text = field.value ?? '';

  const wrap = (open: string, close: string) => {
    const el = area.current;
    const start = el?.selectionStart ?? text.length;
    const end = el?.selectionEnd ?? text.length;
    const next = `${text.slice(0, start)}${open}${text.slice(start, end)}${close}${text.slice(end)}`;
    field.onChange(next);
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + open.length, end + open.length);
    });
  };

  return (
    <Box sx={{ width: '100%' }}>
      <Stack
        direction="row"
        spacing={1}
        sx={{ mb: 1, flexWrap: 'wrap' }}
        role="toolbar"
        aria-label="Оформление текста"
      >
        <ButtonGroup size="small" variant="outlined">
          <Button onClick={() => wrap('<b>', '</b>')} aria-label="Жирный">
            <b>Ж</b>
          </Button>
          <Button onClick={() => wrap('<i>', '</i>')} aria-label="Курсив">
            <i>К</i>
          </Button>
          <Button onClick={() => wrap('<u>', '</u>')} aria-label="Подчёркнутый">
            <u>Ч</u>
          </Button>
          <Button onClick={() => setLinkUrl('https://')} aria-label="Ссылка">
            🔗
          </Button>
        </ButtonGroup>
        {linkUrl !== null && (
          <Stack direction="row" spacing={1}>
            <TextField
              size="small"
              label="Адрес ссылки"
              value={linkUrl}
              onChange={(e) => setLinkUrl(e.target.value)}
              autoFocus
            />
            <Button
              size="small"
              onClick={() => {
                wrap(`<a href="${escapeAttribute(linkUrl)}">`, '</a>');
                setLinkUrl(null);
              }}
            >
              Вставить
            </Button>
            <Button size="small" onClick={() => setLinkUrl(null)}>
              Отмена
            </Button>
          </Stack>
        )}
      </Stack>
      <TextField
        inputRef={area}
        name={field.name}
        label={label}
        value={text}
        onChange={(e) => field.onChange(e.target.value)}
        onBlur={field.onBlur}
        multiline
        minRows={5}
        fullWidth
        error={fieldState.invalid}
        helperText={
          fieldState.error?.message ??
          'Telegram HTML: <b>, <i>, <u>, <a href="https://…">. До 4096 символов, подпись к фото или видео — до 1024.'
        }
      />
    </Box>
  );
}
