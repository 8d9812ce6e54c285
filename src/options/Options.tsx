// Options: which entity types to highlight, and the sites DiploLens is switched off on.
import { useEffect, useState } from 'preact/hooks';
import { loadSettings, saveSettings, type Settings } from '../shared/settings.ts';

export function Options() {
  const [s, setS] = useState<Settings | null>(null);
  useEffect(() => { loadSettings().then(setS); }, []);
  if (!s) return null;
  const update = async (change: Partial<Settings>) => setS(await saveSettings(change));
  return (
    <main style="font: 14px system-ui; max-width: 640px; margin: 24px auto;">
      <h1>DiploLens</h1>
      <fieldset>
        <legend>Highlight</legend>
        {(['person', 'organization', 'treaty', 'country'] as const).map((type) => (
          <label style="display:block">
            <input type="checkbox" checked={s.types[type]} onChange={(e) => update({ types: { ...s.types, [type]: (e.target as HTMLInputElement).checked } })} /> {type}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Switched off on</legend>
        {s.disabledSites.length === 0 ? <p>No site.</p> : (
          <ul>{s.disabledSites.map((h) => <li>{h} <button type="button" onClick={() => update({ disabledSites: s.disabledSites.filter((x) => x !== h) })}>Turn back on</button></li>)}</ul>
        )}
      </fieldset>
    </main>
  );
}
