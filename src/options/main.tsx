import { render } from 'preact';
import { Options } from './Options.tsx';
import { uiLanguage } from '../shared/i18n.ts';

// the page speaks the browser's language (screen readers pick their voice from it)
document.documentElement.lang = uiLanguage();
render(<Options />, document.getElementById('app')!);
