console.log(require("is-odd")(3));
