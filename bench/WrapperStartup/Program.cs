Console.WriteLine("placeholder until the benchmark lands");
