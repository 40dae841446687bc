module github.com/acme/widget/v2

go 1.26
