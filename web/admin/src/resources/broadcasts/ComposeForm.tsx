import { Box, Stack, Typography } from '@mui/material';
import { BooleanInput, RadioButtonGroupInput, SimpleForm, TextInput, required } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { KeepDraft } from '../../forms/KeepDraft';
import { AudienceInput } from './AudienceInput';
import type { BroadcastButton } from './broadcast-labels';
import { CONTENT_TYPES } from './broadcast-labels';
import { ButtonsInput } from './ButtonsInput';
import { HtmlTextInput } from './HtmlTextInput';
import { MediaInput } from './MediaInput';
import { TelegramPreview } from './TelegramPreview';

function LivePreview() {
  const [contentType, text, media, buttons] = useWatch({
    name: ['contentType', 'text', 'media', 'buttons'],
  }) as [string, string | null, string | null, BroadcastButton[][] | null];
  return (
    <Box sx={{ position: { md: 'sticky' }, top: 16 }}>
      <Typography variant="subtitle2" component="h2" gutterBottom>
        Как увидит клиент
      </Typography>
      <TelegramPreview contentType={contentType} text={text} media={media} buttons={buttons} />
    </Box>
  );
}

/**
 * Compose a broadcast: title, kind, text with the formatting toolbar, photo or video (file or URL), URL
 * buttons, audience with its count, beside a preview that looks like the Telegram message. Sending,
 * scheduling and the test send are on the broadcast's page once the draft is saved.
 */
export function ComposeForm() {
  return (
    <SimpleForm
      defaultValues={{
        contentType: 'text',
        isTest: false,
        segmentId: null,
        buttons: null,
        media: null,
        text: '',
      }}
      sanitizeEmptyValues={false}
    >
      <KeepDraft form="broadcasts" />
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={3} sx={{ width: '100%' }}>
        <Stack sx={{ flex: 3, minWidth: 0 }}>
          <TextInput source="title" label="Название (клиенты его не видят)" validate={required()} fullWidth />
          <RadioButtonGroupInput source="contentType" label="Что отправляем" choices={CONTENT_TYPES} />
          <MediaInput />
          <HtmlTextInput source="text" label="Текст сообщения" />
          <ButtonsInput />
          <AudienceInput />
          <BooleanInput source="isTest" label="Тестовая рассылка (только тестовым клиентам)" />
        </Stack>
        <Stack sx={{ flex: 2 }}>
          <LivePreview />
        </Stack>
      </Stack>
    </SimpleForm>
  );
}
