Console.WriteLine("Reservations load simulator: arrives with the load issue.");
