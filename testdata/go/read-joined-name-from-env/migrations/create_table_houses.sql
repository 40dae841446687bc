CREATE TABLE houses (id int);
