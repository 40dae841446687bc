package main

import (
	"github.com/beego/beego/v2/server/web"

	"example.com/upload/controllers"
)

func main() {
	// beego reads conf/app.conf (httpport, runmode) and renders views/ by convention
	web.Router("/", &controllers.MainController{})
	web.Run()
}
