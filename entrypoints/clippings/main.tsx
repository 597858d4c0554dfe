import { render } from 'preact';
import { ClippingsApp } from '../../components/clippings/ClippingsApp';
import './style.css';

const root = document.getElementById('app');
if (root) render(<ClippingsApp />, root);
