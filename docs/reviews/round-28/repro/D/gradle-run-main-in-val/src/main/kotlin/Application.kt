package com.example

fun main() {
    println("hi")
}
