import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import { Box, Button, IconButton, Paper, Stack, TextField, Typography } from '@mui/material';
import {
  childPath,
  childrenOf,
  groupHit,
  isGroup,
  makeGroup,
  modeOf,
  pathHits,
  type Group,
  type Node,
  type Rule,
} from './filter-tree';
import { RuleValue } from './RuleValue';
import { defaultValue, opSpec, REASONS, SEGMENT_FIELDS } from './segment-fields';

/** A rule as it is added: tags containing any of the given ones. */
const newRule = (): Rule => ({ field: 'tags', op: 'any', value: [] });

const native = { select: { native: true } } as const;

/**
 * The visual builder of a segment's rule tree: groups («все условия» / «любое из условий»), nested, and
 * rules with field, operator and value pickers for every field the API supports. `errorPath` is the API's
 * SEGMENT_FILTER_INVALID `details.path`: the rule or group it names is outlined in red with `errorText`.
 */
export function FilterBuilder({
  value,
  onChange,
  errorPath,
  errorText,
  readOnly,
}: {
  value: Group;
  onChange: (value: Group) => void;
  errorPath: string | null;
  errorText: string | null;
  readOnly?: boolean;
}) {
  return (
    <GroupEditor
      group={value}
      path="$"
      depth={1}
      onChange={onChange}
      errorPath={errorPath}
      errorText={errorText}
      readOnly={readOnly}
    />
  );
}

function GroupEditor({
  group,
  path,
  depth,
  onChange,
  onRemove,
  errorPath,
  errorText,
  readOnly,
}: {
  group: Group;
  path: string;
  depth: number;
  onChange: (group: Group) => void;
  onRemove?: () => void;
  errorPath: string | null;
  errorText: string | null;
  readOnly?: boolean;
}) {
  const mode = modeOf(group);
  const children = childrenOf(group);
  const setChildren = (next: Node[]) => onChange(makeGroup(mode, next));
  const setChild = (index: number, node: Node) =>
    setChildren(children.map((c, i) => (i === index ? node : c)));
  const removeChild = (index: number) => setChildren(children.filter((_, i) => i !== index));
  const hit = groupHit(errorPath, path, mode);
  return (
    <Paper
      variant="outlined"
      data-testid={`segment-group-${path}`}
      sx={{ p: 1.5, borderColor: hit ? 'error.main' : undefined, borderWidth: hit ? 2 : 1 }}
    >
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 1 }}>
        <TextField
          select
          size="small"
          label="Клиенты, у которых выполнены"
          value={mode}
          disabled={readOnly}
          onChange={(e) => onChange(makeGroup(e.target.value as 'all' | 'any', children))}
          slotProps={native}
          sx={{ minWidth: 240 }}
        >
          <option value="all">все условия (И)</option>
          <option value="any">любое из условий (ИЛИ)</option>
        </TextField>
        {onRemove && !readOnly && (
          <IconButton aria-label="Удалить группу" onClick={onRemove} size="small">
            <DeleteIcon fontSize="small" />
          </IconButton>
        )}
      </Stack>
      {hit && errorText && (
        <Typography color="error" variant="body2" role="alert" sx={{ mb: 1 }}>
          {errorText}
        </Typography>
      )}
      <Stack spacing={1}>
        {children.length === 0 && (
          <Typography variant="body2" color="text.secondary">
            Условий нет: в сегмент попадают все клиенты.
          </Typography>
        )}
        {children.map((child, index) => {
          const childAt = childPath(path, mode, index);
          return isGroup(child) ? (
            <GroupEditor
              key={childAt}
              group={child}
              path={childAt}
              depth={depth + 1}
              onChange={(next) => setChild(index, next)}
              onRemove={() => removeChild(index)}
              errorPath={errorPath}
              errorText={errorText}
              readOnly={readOnly}
            />
          ) : (
            <RuleEditor
              key={childAt}
              rule={child}
              path={childAt}
              number={index + 1}
              onChange={(next) => setChild(index, next)}
              onRemove={() => removeChild(index)}
              errorText={pathHits(errorPath, childAt) ? errorText : null}
              readOnly={readOnly}
            />
          );
        })}
      </Stack>
      {!readOnly && (
        <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
          <Button size="small" startIcon={<AddIcon />} onClick={() => setChildren([...children, newRule()])}>
            Условие
          </Button>
          {depth < 5 && (
            <Button
              size="small"
              startIcon={<AddIcon />}
              onClick={() =>
                setChildren([...children, makeGroup(mode === 'all' ? 'any' : 'all', [newRule()])])
              }
            >
              Группа условий
            </Button>
          )}
        </Stack>
      )}
    </Paper>
  );
}

function RuleEditor({
  rule,
  path,
  number,
  onChange,
  onRemove,
  errorText,
  readOnly,
}: {
  rule: Rule;
  path: string;
  number: number;
  onChange: (rule: Rule) => void;
  onRemove: () => void;
  errorText: string | null;
  readOnly?: boolean;
}) {
  const field = SEGMENT_FIELDS[rule.field];
  const op = opSpec(rule.field, rule.op);
  const setField = (name: string) => {
    const first = SEGMENT_FIELDS[name]?.ops[0];
    if (first) onChange(withValue({ field: name, op: first.op }, defaultValue(first.value)));
  };
  const setOp = (name: string) => {
    const spec = opSpec(rule.field, name);
    if (!spec) return;
    const keep = op && op.value === spec.value ? rule.value : defaultValue(spec.value);
    onChange(
      withValue({ field: rule.field, op: name, ...(rule.reason ? { reason: rule.reason } : {}) }, keep),
    );
  };
  const error = errorText !== null;
  return (
    <Box
      data-testid={`segment-rule-${path}`}
      aria-invalid={error}
      sx={{
        p: 1,
        border: 1,
        borderRadius: 1,
        borderColor: error ? 'error.main' : 'divider',
        borderWidth: error ? 2 : 1,
      }}
    >
      <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <TextField
          select
          size="small"
          label={`Поле условия ${number}`}
          value={rule.field}
          disabled={readOnly}
          onChange={(e) => setField(e.target.value)}
          slotProps={native}
          sx={{ minWidth: 200 }}
        >
          {!field && <option value={rule.field}>{rule.field}</option>}
          {Object.entries(SEGMENT_FIELDS).map(([name, spec]) => (
            <option key={name} value={name}>
              {spec.label}
            </option>
          ))}
        </TextField>
        <TextField
          select
          size="small"
          label={`Оператор условия ${number}`}
          value={rule.op}
          disabled={readOnly}
          onChange={(e) => setOp(e.target.value)}
          slotProps={native}
          sx={{ minWidth: 180 }}
        >
          {!op && <option value={rule.op}>{rule.op}</option>}
          {field?.ops.map((o) => (
            <option key={o.op} value={o.op}>
              {o.label}
            </option>
          ))}
        </TextField>
        {op && (
          <RuleValue
            kind={op.value}
            value={rule.value}
            label={`Значение условия ${number}`}
            error={error}
            disabled={readOnly}
            onChange={(value) => onChange(withValue(rule, value))}
          />
        )}
        {field?.reason && (
          <TextField
            select
            size="small"
            label={`Причина выдачи, условие ${number}`}
            value={rule.reason ?? ''}
            disabled={readOnly}
            onChange={(e) => {
              const { reason: _drop, ...rest } = rule;
              onChange(e.target.value ? { ...rest, reason: e.target.value } : rest);
            }}
            slotProps={native}
            sx={{ minWidth: 180 }}
          >
            <option value="">любая</option>
            {REASONS.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </TextField>
        )}
        {!readOnly && (
          <IconButton aria-label={`Удалить условие ${number}`} onClick={onRemove} size="small">
            <DeleteIcon fontSize="small" />
          </IconButton>
        )}
      </Stack>
      {errorText && (
        <Typography color="error" variant="body2" role="alert" sx={{ mt: 0.5 }}>
          {errorText}
        </Typography>
      )}
    </Box>
  );
}

function withValue(rule: Rule, value: unknown): Rule {
  const { value: _old, ...rest } = rule;
  return value === undefined ? rest : { ...rest, value };
}
