import { render } from 'preact';
import 'uplot/dist/uPlot.min.css';
import './main.css';
import { App } from './app.js';

render(<App />, document.getElementById('root')!);
