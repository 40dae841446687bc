module example.com/push

go 1.23

require (
	firebase.google.com/go/v4 v4.18.0
	google.golang.org/api v0.231.0
)
