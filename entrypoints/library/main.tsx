import { render } from 'preact';
import { LibraryApp } from '../../components/library/LibraryApp';
import './style.css';

const root = document.getElementById('app');
if (root) render(<LibraryApp />, root);
