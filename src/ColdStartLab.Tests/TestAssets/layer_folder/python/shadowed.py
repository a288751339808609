WHO = "folder layer"
