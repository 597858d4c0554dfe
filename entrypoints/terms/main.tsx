import { render } from 'preact';
import { TermsApp } from '../../components/terms/TermsApp';
import './style.css';

const root = document.getElementById('app');
if (root) render(<TermsApp />, root);
