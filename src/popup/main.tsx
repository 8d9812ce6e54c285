import { render } from 'preact';
import { Popup } from './Popup.tsx';

document.documentElement.lang = navigator.language.slice(0, 2);
render(<Popup />, document.getElementById('app')!);
