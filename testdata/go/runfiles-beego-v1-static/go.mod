module example.com/api

go 1.20

require github.com/astaxie/beego v1.12.3
