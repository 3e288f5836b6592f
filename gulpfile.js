// Copies node and credential icons next to the compiled files in dist/, where n8n resolves `file:` icons.
const { src, dest, parallel } = require('gulp');

function nodeIcons() {
	return src('icons/*.svg').pipe(dest('dist/icons'));
}

function codexFiles() {
	return src('nodes/**/*.node.json', { base: '.' }).pipe(dest('dist'));
}

exports['build:icons'] = parallel(nodeIcons, codexFiles);
