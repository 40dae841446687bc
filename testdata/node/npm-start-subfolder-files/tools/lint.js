const { ESLint } = require("eslint");

new ESLint().lintFiles(["app/**/*.js"]).then((r) => console.log(r.length));
