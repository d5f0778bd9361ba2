# A fully connected image classifier's layers one by one on random "images": nn.Flatten, nn.Linear,
# nn.ReLU, nn.Sequential, nn.Softmax, argmax, a model's repr and named_parameters; the flow of PyTorch's
# tutorial "Build the Neural Network" (pytorch/tutorials, beginner_source/basics/buildmodel_tutorial.py,
# BSD-3-Clause), written anew here without torchvision and on smaller images, seeded.
import torch
from torch import nn

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"
print(f"Using {device} device")


class Classifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.flatten = nn.Flatten()
        self.stack = nn.Sequential(nn.Linear(8 * 8, 32), nn.ReLU(), nn.Linear(32, 32), nn.ReLU(), nn.Linear(32, 5))

    def forward(self, images):
        return self.stack(self.flatten(images))


model = Classifier().to(device)
print(model)
logits = model(torch.rand(1, 8, 8, device=device))
probabilities = nn.Softmax(dim=1)(logits)
print(f"Predicted class: {probabilities.argmax(1)}")

images = torch.rand(3, 8, 8)
flat = nn.Flatten()(images)
print(images.size(), flat.size())
layer = nn.Linear(in_features=64, out_features=6)
hidden = layer(flat)
print(f"Before ReLU: {hidden}\n")
print(f"After ReLU: {nn.ReLU()(hidden)}")
sequence = nn.Sequential(nn.Flatten(), layer, nn.ReLU(), nn.Linear(6, 4))
print(nn.Softmax(dim=1)(sequence(images)))
for name, param in model.named_parameters():
    print(f"Layer: {name} | Size: {param.size()} | Values : {param[:2, :3] if param.dim() == 2 else param[:2]} \n")
