import { render } from 'preact';
import { createBridgeClient } from './api.js';
import { App } from './app.js';
import './styles.css';

const root = document.getElementById('app');
if (root !== null) render(<App bridge={createBridgeClient()} />, root);
