// A labelled text field whose error is announced and tied to it (aria-invalid, aria-describedby).
export function Field(props: { id: string; label: string; value: string; onInput: (v: string) => void; error?: string; hint?: string; multiline?: boolean; required?: boolean; lang?: string }) {
  const described = [props.hint && `${props.id}-hint`, props.error && `${props.id}-error`].filter(Boolean).join(' ') || undefined;
  const common = {
    id: props.id, value: props.value, lang: props.lang, required: props.required,
    'aria-invalid': props.error ? true : undefined, 'aria-describedby': described,
    onInput: (e: Event) => props.onInput((e.target as HTMLInputElement).value),
  };
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      {props.multiline ? <textarea rows={2} {...common} /> : <input type="text" {...common} />}
      {props.hint && <p class="hint" id={`${props.id}-hint`}>{props.hint}</p>}
      {props.error && <p class="error" id={`${props.id}-error`}>{props.error}</p>}
    </div>
  );
}
