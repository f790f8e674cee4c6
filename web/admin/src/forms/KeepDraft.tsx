import { useEffect } from 'react';
import { useRecordContext } from 'react-admin';
import { useFormContext } from 'react-hook-form';
import { readSession } from '../api/session';
import { draftKey, dropDraft, readDraft, trackForm, type FormValues } from './keep-draft';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Put inside a react-admin form: if the session ends while it is being edited, what was typed is kept
 * (keep-draft.ts) and put back, as changes to save, when the admin returns to this form after logging in.
 * `form` names the form (the resource); the record's id comes from the page.
 */
export function KeepDraft({ form }: { form: string }) {
  const { getValues, setValue } = useFormContext<FormValues>();
  const record = useRecordContext();
  const key = draftKey(form, record?.id);
  useEffect(() => {
    const untrack = trackForm(key, () => getValues());
    // Only once logged in again: between the 401 and the login page react-admin may mount the form anew.
    const draft = readSession() ? readDraft(key) : null;
    // After react-admin has filled the form from the record (its own effect runs after this one).
    const timer = draft
      ? setTimeout(() => {
          const current = getValues();
          for (const [name, value] of Object.entries(draft))
            if (!same(current[name], value)) setValue(name, value, { shouldDirty: true, shouldTouch: true });
          dropDraft(key);
        }, 0)
      : undefined;
    return () => {
      clearTimeout(timer);
      untrack();
    };
  }, [key, getValues, setValue]);
  return null;
}
