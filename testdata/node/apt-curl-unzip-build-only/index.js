const e=require("express");e().listen(3000)
