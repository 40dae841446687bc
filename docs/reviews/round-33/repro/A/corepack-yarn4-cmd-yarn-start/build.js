require("fs").writeFileSync("built.txt", "ok\n");
