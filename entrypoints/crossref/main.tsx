import { render } from 'preact';
import { CrossRefApp } from '../../components/crossref/CrossRefApp';
import '../popup/style.css';
import './style.css';

const root = document.getElementById('app');
if (root) render(<CrossRefApp />, root);
