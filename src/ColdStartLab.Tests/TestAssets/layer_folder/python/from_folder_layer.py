NAME = "folder layer"
