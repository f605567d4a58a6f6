/** The explorer (index.html): the app with every control, its state in the URL. */
import './style.css';
import { reportBug, startApp } from './app.ts';

startApp({ urlState: true, interactive: true, cooperativeGestures: false, theme: 'light', view: null, notices: [] }).catch(reportBug);
