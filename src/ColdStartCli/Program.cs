Console.WriteLine("coldstart");
