require("child_process").fork("app/app.js");
