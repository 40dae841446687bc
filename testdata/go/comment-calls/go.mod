module example.com/k8sbackend

go 1.23
