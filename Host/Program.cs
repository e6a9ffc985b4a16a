Console.WriteLine("pinger");
