const { execFileSync } = require('child_process');
execFileSync('google-chrome-stable', ['--headless', '--screenshot=/tmp/s.png', 'https://example.com']);
