package com.example.tosca

fun main() {
    println("up")
}
