export default {
	input: 'client/source/main.js',
	output: { file: 'client/public/main.js', format: 'iife' }
};
