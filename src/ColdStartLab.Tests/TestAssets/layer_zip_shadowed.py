WHO = "zip layer"
