module example.com/pkgerdisk

go 1.22

require github.com/markbates/pkger v0.15.1
